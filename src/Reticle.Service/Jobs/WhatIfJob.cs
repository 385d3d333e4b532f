using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using Reticle.Determination;
using Reticle.Impact;
using Reticle.Rules.Packs;
using Reticle.Store;
using Reticle.Time;
using Reticle.WhatIf;

namespace Reticle.Service.Jobs;

/// <summary>
/// What-if with draft rules (CONTRACT §9) as a job: the inputs are the open orders as they stood at submission (as for
/// <see cref="ImpactJob"/>); the parameters carry the drafts themselves (file, text, SHA-256), so any worker compiles the
/// same two rule sets once per job (<see cref="PrepareAsync"/>) and the job's sealing audit record names the drafts by hash.
/// A shard decides its orders through <see cref="WhatIfAnalysis"/> and its results are the change objects of the what-if
/// report's <c>changes</c>, in input order. The day of the run (<c>today</c>) and, without <c>knownAt</c>, the list and
/// ownership imports (<c>listsAsOf</c>) are fixed at submission, so an import while the job runs changes none of its lines.
/// </summary>
internal sealed class WhatIfJob : JobKind
{
    public const string KindName = "whatif";

    public override string Name => KindName;

    public override int DefaultShardSize => 200;

    public static JsonObject Parameters(IReadOnlyList<RulePackSource> drafts, LocalDate? knownAt, Instant submittedAt, bool all) => new()
    {
        ["drafts"] = new JsonArray([.. drafts.Select(d => (JsonNode?)new JsonObject
        {
            ["file"] = d.File,
            ["sha256"] = BundledContent.Sha256(d.Text),
            ["text"] = d.Text,
        })]),
        ["knownAt"] = knownAt is { } date ? EffectivePeriod.Format(date) : null,
        ["today"] = EffectivePeriod.Format(submittedAt.InUtc().Date),
        ["listsAsOf"] = InstantPattern.ExtendedIso.Format(submittedAt),
        ["all"] = all,
    };

    public override async Task<object> PrepareAsync(Workspace workspace, JsonObject parameters, CancellationToken cancellationToken)
    {
        var drafts = parameters["drafts"]!.AsArray().Select(d => Draft(d!.AsObject())).ToList();
        var knownAt = parameters["knownAt"] is { } k ? Date((string)k!) : (LocalDate?)null;
        var errors = new List<PackError>();
        // Validated at submission; failing here means the packs in use changed since, and the job fails naming why.
        var compiled = DraftRules.Compile(workspace.LoadRulePacks(), drafts, knownAt, errors)
            ?? throw new InvalidOperationException("the drafts no longer validate with the packs in use: " + string.Join("; ", errors.Select(e => $"{e.File}:{e.Line}:{e.Column}: {e.Message}")));
        var (inUse, withDrafts) = await WhatIfRun.BasesAsync(workspace, compiled, knownAt,
            InstantPattern.ExtendedIso.Parse((string)parameters["listsAsOf"]!).GetValueOrThrow(), cancellationToken);
        return new Prepared(inUse, withDrafts, compiled.Drafts, knownAt, Date((string)parameters["today"]!), (bool)parameters["all"]!);
    }

    public override Task<IReadOnlyList<string>> RunShardAsync(Workspace workspace, object prepared, IReadOnlyList<JobInput> inputs, CancellationToken cancellationToken)
    {
        var p = (Prepared)prepared;
        var orders = inputs.Select(i => p.InUse.Catalog.Complete(ImpactJob.Read(i))).ToList();
        var report = WhatIfAnalysis.Run(orders, p.InUse, p.WithDrafts, p.Drafts, p.KnownAt, p.Today, p.All);
        IReadOnlyList<string> lines = [.. report.Changes.Changes.Select(ImpactJson.ToText)];
        return Task.FromResult(lines);
    }

    private static RulePackSource Draft(JsonObject draft)
    {
        var (file, text) = ((string)draft["file"]!, (string)draft["text"]!);
        // The hash is what the audit record names: a draft whose text does not match it is not the draft that was submitted.
        return BundledContent.Sha256(text) == (string)draft["sha256"]! ? new RulePackSource(file, text)
            : throw new InvalidOperationException($"draft {file}: its text does not match the SHA-256 it was submitted with");
    }

    private static LocalDate Date(string text) => LocalDatePattern.Iso.Parse(text).GetValueOrThrow();

    private sealed record Prepared(DecisionBasis InUse, DecisionBasis WithDrafts, IReadOnlyList<DraftPack> Drafts, LocalDate? KnownAt,
        LocalDate Today, bool All);
}
