using System.Text.Json.Nodes;
using NodaTime;
using Reticle.Determination;
using Reticle.Impact;
using Reticle.Input;
using Reticle.Model;
using Reticle.Store;
using Reticle.Time;

namespace Reticle.Service.Jobs;

/// <summary>
/// Impact analysis (CONTRACT §6) as a job: the inputs are the open orders as they stood at submission; a shard decides its
/// orders with what was known at <c>knownAt</c> and at <c>vs</c> through the same analysis as <c>reticle impact</c>
/// (<see cref="ImpactAnalysis"/>, <see cref="ImpactJson"/>: which changes are material is decided there, not here), and its
/// results are the change objects, in input order.
/// </summary>
internal sealed class ImpactJob : JobKind
{
    public const string KindName = "impact";

    public override string Name => KindName;

    public override int DefaultShardSize => 200;

    public static JsonObject Parameters(LocalDate knownAt, LocalDate vs) => new()
    {
        ["knownAt"] = EffectivePeriod.Format(knownAt),
        ["vs"] = EffectivePeriod.Format(vs),
    };

    public static JobInput Input(StoredOrder order) => new(0, order.Id, order.InputJson);

    public override async Task<object> PrepareAsync(Workspace workspace, JsonObject parameters, CancellationToken cancellationToken)
    {
        var a = DateOf(parameters, "knownAt");
        var b = DateOf(parameters, "vs");
        var before = await workspace.LoadBasisAsync(a, cancellationToken);
        var after = await workspace.LoadBasisAsync(b, cancellationToken);
        return new Prepared(new ImpactSide(a, before), new ImpactSide(b, after));
    }

    public override Task<IReadOnlyList<string>> RunShardAsync(Workspace workspace, object prepared, IReadOnlyList<JobInput> inputs, CancellationToken cancellationToken)
    {
        var (before, after) = (Prepared)prepared;
        var orders = inputs.Select(i => after.Basis.Catalog.Complete(Read(i))).ToList();
        var report = ImpactAnalysis.Run(orders, before, after);
        IReadOnlyList<string> lines = [.. report.Changes.Select(ImpactJson.ToText)];
        return Task.FromResult(lines);
    }

    /// <summary>An order as stored at submission; it was read strictly when recorded, so failing now is a broken store.</summary>
    public static Transaction Read(JobInput input)
    {
        var errors = new List<InputError>();
        var read = TransactionReader.Read($"order {input.Key}", input.Json, errors).Transactions;
        return errors.Count == 0 && read.Count == 1
            ? read[0]
            : throw new InvalidOperationException($"stored order {input.Key} does not read: {string.Join("; ", errors)}");
    }

    private static LocalDate DateOf(JsonObject parameters, string name) =>
        NodaTime.Text.LocalDatePattern.Iso.Parse((string)parameters[name]!).GetValueOrThrow();

    private sealed record Prepared(ImpactSide Before, ImpactSide After);
}
