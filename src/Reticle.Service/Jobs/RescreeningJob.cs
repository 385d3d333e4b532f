using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using Reticle.Determination;
using Reticle.Store;
using Reticle.Time;

namespace Reticle.Service.Jobs;

/// <summary>
/// Re-screening after a list import: every open order (as it stood at submission) decided again on its planned date with
/// the lists held at <c>listsAsOf</c> (the import) and every rule and licence event on record. An order whose parties now hit
/// a list and which is no longer permitted or licensed is put on hold (as a shipment would be), with the determination
/// that placed it; an order already held stays held. Each result is <c>{"order", "date", "outcome", "hits": [...]}</c>.
/// </summary>
/// <remarks>
/// The holds are the job's effect beyond its results. A shard only decides; the runner writes its results, the determinations
/// that stop orders and their holds in one transaction (<see cref="IJobStore.RecordShardAsync(string, int, int, IReadOnlyList{string}, IReadOnlyList{ShardHold}, string, Instant, CancellationToken)"/>),
/// so a shard run twice (a worker killed between writing and acknowledging) records nothing the second time. The holds are
/// requested by whoever submitted the job (the import's actor), who therefore cannot release them (four eyes).
/// </remarks>
internal sealed class RescreeningJob : JobKind
{
    public const string KindName = "rescreening";

    public override string Name => KindName;

    public override int DefaultShardSize => 200;

    public static JsonObject Parameters(Instant listsAsOf, string actor) => new()
    {
        ["listsAsOf"] = InstantPattern.ExtendedIso.Format(listsAsOf),
        ["actor"] = actor,
    };

    public override async Task<object> PrepareAsync(Workspace workspace, JsonObject parameters, CancellationToken cancellationToken)
    {
        var asOf = InstantPattern.ExtendedIso.Parse((string)parameters["listsAsOf"]!).Value;
        var screening = await workspace.LoadScreeningAsync(asOf, cancellationToken);
        var basis = DecisionBasis.Of(await workspace.LoadRulesAsync(null, cancellationToken), await workspace.LoadCatalogAsync(cancellationToken),
            screening.Index, screening.Versions, await workspace.LoadLicensesAsync(cancellationToken));
        return new Prepared(basis);
    }

    /// <summary>The result lines alone; the runner calls <see cref="RunShardWithHoldsAsync"/>, which also gives the holds to place.</summary>
    public override async Task<IReadOnlyList<string>> RunShardAsync(Workspace workspace, object prepared, IReadOnlyList<JobInput> inputs, CancellationToken cancellationToken) =>
        (await RunShardWithHoldsAsync(workspace, prepared, inputs, cancellationToken)).Results;

    public override Task<ShardOutput> RunShardWithHoldsAsync(Workspace workspace, object prepared, IReadOnlyList<JobInput> inputs, CancellationToken cancellationToken)
    {
        var basis = ((Prepared)prepared).Basis;
        var lines = new List<string>(inputs.Count);
        var holds = new List<ShardHold>();
        foreach (var input in inputs)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var order = ImpactJob.Read(input);
            var determination = basis.Decide(order);
            var hits = determination.Screening.ToList();
            var stopped = determination.Outcome is not (Outcome.Permitted or Outcome.NotApplicable or Outcome.Licensed);
            if (hits.Count > 0 && stopped)
            {
                var reason = "re-screening after a list import: " + string.Join("; ", hits.Select(h => $"{h.PartyName} ~ {h.Hit.Entry.Name} ({h.Hit.Entry.List})"));
                holds.Add(new ShardHold(DeterminationRecords.Of(input.Json, determination), new HoldDocument(order.Id, determination.Outcome.ToWire(), reason)));
            }
            lines.Add(new JsonObject
            {
                ["order"] = order.Id,
                ["date"] = EffectivePeriod.Format(order.Date),
                ["outcome"] = determination.Outcome.ToWire(),
                ["hits"] = new JsonArray([.. hits.Select(h => (JsonNode?)new JsonObject
                {
                    ["party"] = h.PartyName,
                    ["list"] = h.Hit.Entry.ListName,
                    ["entryId"] = h.Hit.Entry.Id,
                    ["name"] = h.Hit.Entry.Name,
                    ["score"] = Math.Round(h.Hit.Score, 3),
                })]),
            }.ToJsonString());
        }
        return Task.FromResult(new ShardOutput(lines, holds));
    }

    private sealed record Prepared(DecisionBasis Basis);
}
