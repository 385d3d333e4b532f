using System.Text.Json;
using NodaTime;
using Reticle.Impact;
using Reticle.Service.Wire;

namespace Reticle.Service;

/// <summary>
/// An impact run under way (CONTRACT §6): its changes come out as they are found, and its summary is known once the last one
/// has been taken. Enumerate <see cref="Changes"/> once.
/// </summary>
internal sealed record ImpactStream(LocalDate KnownAt, LocalDate Vs, IAsyncEnumerable<ImpactChange> Changes, ImpactTally Tally)
{
    /// <summary>The counts and value at stake; complete only after <see cref="Changes"/> has been enumerated to its end.</summary>
    public ImpactSummary Summary => Tally.Summary(KnownAt, Vs);

    /// <summary>
    /// The §6 document, written as the changes are found: <c>knownAt</c> and <c>vs</c>, then <c>changes</c>, then the counts.
    /// CONTRACT §6 shows the counts before <c>changes</c>; JSON gives the order of members no meaning.
    /// </summary>
    public Task WriteJsonAsync(TextWriter output, JsonSerializerOptions options, CancellationToken cancellationToken) =>
        JsonArrayStream.WriteObjectAsync(output, ImpactJson.Head(KnownAt, Vs), "changes", Changes, ImpactJson.Write, () => Task.FromResult(ImpactJson.Counts(Summary)), options, cancellationToken);
}
