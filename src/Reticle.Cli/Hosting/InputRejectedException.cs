namespace Reticle.Cli.Hosting;

/// <summary>
/// The user's input was rejected: each line says where and why. Thrown only inside the shell to
/// unwind to the exit code; the core reports errors as values.
/// </summary>
internal sealed class InputRejectedException(IReadOnlyList<string> problems) : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
