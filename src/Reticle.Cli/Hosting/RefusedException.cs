using Reticle.Input;
using Reticle.Service;

namespace Reticle.Cli.Hosting;

/// <summary>
/// Unwinds a command to <see cref="ReticleCli"/>, which maps its <see cref="Refusal"/> to exit code 1 and one line per
/// problem (<see cref="Refusals"/>). Only the command line throws it; the use cases return refusals as values.
/// </summary>
internal sealed class RefusedException(Refusal refusal) : Exception(string.Join(Environment.NewLine, refusal.Problems))
{
    public Refusal Refusal { get; } = refusal;

    public static void ThrowIfAny(IReadOnlyCollection<InputError> errors)
    {
        if (errors.Count > 0)
        {
            throw new RefusedException(Refusal.Invalid(errors));
        }
    }

    public static RefusedException Invalid(string where, string what) => new(Refusal.Invalid(where, what));
}
