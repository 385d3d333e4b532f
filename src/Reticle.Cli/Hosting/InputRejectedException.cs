namespace Reticle.Cli.Hosting;

/// <summary>
/// The user's input was rejected: each line says where and why. Thrown only inside the shell to
/// unwind to the exit code (or the HTTP status); the core reports errors as values.
/// </summary>
internal sealed class InputRejectedException(IReadOnlyList<string> problems, Rejection kind = Rejection.Invalid)
    : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;

    public Rejection Kind { get; } = kind;

    public static void ThrowIfAny(IReadOnlyCollection<Reticle.Input.InputError> errors, Rejection kind = Rejection.Invalid)
    {
        if (errors.Count > 0)
        {
            throw new InputRejectedException([.. errors.Select(e => e.ToString())], kind);
        }
    }
}
