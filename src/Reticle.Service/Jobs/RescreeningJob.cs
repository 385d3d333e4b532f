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
/// The holds are the job's effect beyond its results: a shard run twice (a worker died after its writes) decides its
/// orders twice and records both determinations, but places no second hold (the store places none on a held order).
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
        return new Prepared(basis, (string?)parameters["actor"] ?? "reticle");
    }

    public override async Task<IReadOnlyList<string>> RunShardAsync(Workspace workspace, object prepared, IReadOnlyList<JobInput> inputs, CancellationToken cancellationToken)
    {
        var (basis, actor) = (Prepared)prepared;
        var lines = new List<string>(inputs.Count);
        foreach (var input in inputs)
        {
            var order = ImpactJob.Read(input);
            var determination = basis.Decide(order);
            var hits = determination.Screening.ToList();
            var stopped = determination.Outcome is not (Outcome.Permitted or Outcome.NotApplicable or Outcome.Licensed);
            if (hits.Count > 0 && stopped)
            {
                var reason = "re-screening after a list import: " + string.Join("; ", hits.Select(h => $"{h.PartyName} ~ {h.Hit.Entry.Name} ({h.Hit.Entry.List})"));
                try
                {
                    await workspace.Store.ShipOrderAsync(order.Id, DeterminationRecords.Of(input.Json, determination), [], ship: false,
                        new HoldDocument(order.Id, determination.Outcome.ToWire(), reason), actor, workspace.Clock.GetCurrentInstant(), cancellationToken);
                }
                catch (OrderRejectedException)
                {
                    // Shipped or cancelled since the job was submitted: there is nothing left to hold.
                }
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
        return lines;
    }

    private sealed record Prepared(DecisionBasis Basis, string Actor);
}
