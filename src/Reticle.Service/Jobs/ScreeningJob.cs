using System.Collections.Immutable;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using Reticle.Screening;
using Reticle.Screening.Batch;
using Reticle.Screening.Matching;
using Reticle.Service.Wire;
using Reticle.Store;

namespace Reticle.Service.Jobs;

/// <summary>
/// Batch screening as a job: each input is a row of the CSV (<c>screen --batch</c>), each result the line <c>screen --batch
/// --out X.jsonl</c> writes for it (<c>{"id", "name", "hits"}</c>, and <c>ownership</c> when a party is owned 50 % or more by
/// listed parties). Screened against the lists and ownership facts held when the job was submitted (parameter
/// <c>listsAsOf</c>), and ownership judged on that instant's UTC date, so an import while it runs changes none of its results.
/// </summary>
internal sealed class ScreeningJob : JobKind
{
    public const string KindName = "screening";

    public override string Name => KindName;

    public override int DefaultShardSize => 500;

    public static JsonObject Parameters(double? threshold, Instant listsAsOf) => new()
    {
        ["threshold"] = threshold,
        ["listsAsOf"] = InstantPattern.ExtendedIso.Format(listsAsOf),
    };

    public static JobInput Input(BatchParty party) => new(party.Line, party.Id, new JsonObject
    {
        ["id"] = party.Id,
        ["name"] = party.Name,
        ["country"] = party.Country,
        ["type"] = party.Type == PartyType.Unknown ? null : party.Type.ToWire(),
    }.ToJsonString());

    public override async Task<object> PrepareAsync(Workspace workspace, JsonObject parameters, CancellationToken cancellationToken)
    {
        var asOf = InstantPattern.ExtendedIso.Parse((string)parameters["listsAsOf"]!).Value;
        var screening = await workspace.LoadScreeningAsync(asOf, cancellationToken);
        var owners = await workspace.LoadOwnershipAsync(asOf, screening, cancellationToken);
        return new Prepared(screening.Index, owners, asOf.InUtc().Date, (double?)parameters["threshold"]);
    }

    public override Task<IReadOnlyList<string>> RunShardAsync(Workspace workspace, object prepared, IReadOnlyList<JobInput> inputs, CancellationToken cancellationToken)
    {
        var (index, owners, date, threshold) = (Prepared)prepared;
        var lines = new string[inputs.Count];
        Parallel.For(0, inputs.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var row = JsonNode.Parse(inputs[i].Json)!.AsObject();
            var type = PartyType.Unknown;
            _ = (string?)row["type"] is { } t && PartyTypeNames.TryParse(t, out type);
            var (name, country) = ((string)row["name"]!, (string?)row["country"]);
            var hits = index.Screen(new ScreeningQuery(name, country, type, threshold));
            lines[i] = ScreeningJson.Row((string)row["id"]!, name, hits, owners?.Find(name, country, date)).ToJsonString();
        });
        return Task.FromResult<IReadOnlyList<string>>(lines);
    }

    private sealed record Prepared(ScreeningIndex Index, Ownership.OwnershipScreen? Owners, LocalDate Date, double? Threshold);
}
