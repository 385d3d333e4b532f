using Reticle.Service;

namespace Reticle.Cli.Api;

/// <summary>
/// A request body refused while it is read, before an endpoint can answer for itself (a body that is not valid UTF-8);
/// <see cref="InputRejectionHandler"/> answers it with the problem details of its <see cref="Refusal"/>.
/// </summary>
internal sealed class BodyRejectedException(Refusal refusal) : Exception(string.Join(Environment.NewLine, refusal.Problems))
{
    public Refusal Refusal { get; } = refusal;
}
