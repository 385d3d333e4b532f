using System.CommandLine;
using System.Text.Json.Nodes;
using Reticle.Cli.Hosting;
using Reticle.Cli.Output;
using Reticle.Rules.Compilation;
using Reticle.Rules.Packs;
using Reticle.Time;
using Reticle.Service;
using Reticle.Service.Wire;

namespace Reticle.Cli.Commands;

/// <summary><c>reticle packs validate DIR</c> and <c>reticle packs</c> (the packs in use).</summary>
internal static class PacksCommand
{
    private static readonly Argument<string> Directory = new("dir") { Description = "Folder of rule-pack YAML files (searched recursively)" };

    private static readonly Option<bool> WithBundled = new("--with-bundled")
    {
        Description = "Validate the folder together with the bundled packs (a draft may use their definitions, add a jurisdiction or supersede one of them)",
    };

    private static readonly Option<int?> MaxSourceAge = new("--max-source-age")
    {
        Description = "Warn about packs whose source was read more than this many days ago (env RETICLE_MAX_SOURCE_AGE_DAYS; default 365)",
        HelpName = "DAYS",
    };

    private static readonly Argument<string> Old = new("old") { Description = "A pack id in use, or a folder of packs" };
    private static readonly Argument<string> New = new("new") { Description = "A pack id in use, or a folder of packs" };

    public static Command Create(CliEnvironment env)
    {
        var validate = new Command("validate", "Validate rule packs: errors name file, line, column and rule") { Directory, WithBundled };
        validate.SetAction((parse, _) => Task.FromResult(Validate(parse, env)));
        var diff = new Command("diff", "What changed between two packs (ids in use) or two folders: entries and requirements added, removed or changed, thresholds and dates before and after") { Old, New };
        diff.SetAction((parse, cancellationToken) => DiffAsync(parse, env, cancellationToken));
        var packs = new Command("packs", "The rule packs in use (with --json, a JSON array); 'packs validate DIR' checks a folder of packs, 'packs diff OLD NEW' compares two")
        {
            validate, diff, MaxSourceAge,
        };
        packs.SetAction((parse, cancellationToken) => ListAsync(parse, env, cancellationToken));
        return packs;
    }

    private static int Validate(ParseResult parse, CliEnvironment env)
    {
        var directory = parse.GetValue(Directory)!;
        var files = RulePackFolder.Read(directory) ?? throw RefusedException.Invalid(directory, "no such folder");
        var errors = new List<PackError>();
        RuleSet? rules;
        if (parse.GetValue(WithBundled))
        {
            // As whatif reads a folder of drafts: with the bundled packs, which it may use, extend or supersede.
            var bundled = RulePackLoader.ReadAll(RulePackFolder.Read(Path.Combine(BundledContent.Directory(env.Variable), "packs")) ?? [], errors);
            rules = errors.Count == 0 ? WhatIf.DraftRules.Compile(bundled, files, null, errors)?.WithDrafts : null;
        }
        else
        {
            var packs = RulePackLoader.ReadAll(files, errors);
            rules = errors.Count == 0 ? RuleSetCompiler.Compile(packs, errors) : null;
        }
        if (rules is null)
        {
            throw Refuse(errors);
        }
        if (parse.GetValue(GlobalOptions.Json))
        {
            env.Out.WriteLine(new JsonObject
            {
                ["valid"] = true,
                ["packs"] = Describe(rules),
            }.ToJsonString(JsonOutput.Options));
        }
        else
        {
            env.Out.WriteLine($"{files.Count} pack file(s) valid: {rules.Packs.Sum(p => p.Controls.Count)} control entries, {rules.Packs.Sum(p => p.Requirements.Count)} requirement rules ({rules.Hash})");
        }
        return ExitCodes.Success;
    }

    /// <summary>Rule-pack errors as a refusal (exit 1), each naming file, line, column and rule.</summary>
    public static RefusedException Refuse(IEnumerable<PackError> errors) => new(Refusal.Invalid(errors.Select(e =>
        new Input.InputError($"{e.File}:{e.Line}:{e.Column}", $"{(e.RuleId is null ? "" : $"[{e.RuleId}] ")}{e.Message}"))));

    private static async Task<int> ListAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        await using var workspace = await GlobalOptions.OpenWorkspaceAsync(parse, env, cancellationToken);
        var rules = await workspace.LoadRulesAsync(null, cancellationToken);
        var maxAge = parse.GetValue(MaxSourceAge) ?? (int.TryParse(env.Variable("RETICLE_MAX_SOURCE_AGE_DAYS"), out var days) ? days : DefaultMaxSourceAge);
        if (maxAge < 0)
        {
            throw new UsageException("--max-source-age: give a number of days, 0 or more");
        }
        // Rules go stale as the law moves on: say which packs were read from their source longer ago than the team accepts.
        foreach (var pack in rules.Packs.Where(p => Stale(p.Source, workspace.Today, maxAge)).OrderBy(p => p.Source.Id, StringComparer.Ordinal))
        {
            var snapshot = pack.Source.Source?.Snapshot;
            env.Error.WriteLine(snapshot is { } s
                ? $"warning: {pack.Source.Id}: source read on {EffectivePeriod.Format(s)}, {NodaTime.Period.Between(s, workspace.Today, NodaTime.PeriodUnits.Days).Days} days ago (more than {maxAge})"
                : $"warning: {pack.Source.Id}: no source snapshot date: when its text was last read is not known");
        }
        if (parse.GetValue(GlobalOptions.Json))
        {
            env.Out.WriteLine(Describe(rules, workspace.Today, maxAge).ToJsonString(JsonOutput.Options));
            return ExitCodes.Success;
        }
        foreach (var pack in rules.Packs.OrderBy(p => p.Source.Jurisdiction, StringComparer.Ordinal).ThenBy(p => p.Source.Effective.From))
        {
            env.Out.WriteLine($"{pack.Source.Jurisdiction}  {pack.Source.Id,-20} in force {pack.Source.Effective,-26} published {EffectivePeriod.Format(pack.Source.Published)}  {pack.Source.Citation}");
        }
        return ExitCodes.Success;
    }

    private const int DefaultMaxSourceAge = 365;

    // A definitions-only pack without a source still counts: its content can go stale like any other.
    private static bool Stale(RulePack pack, NodaTime.LocalDate today, int maxAge) =>
        pack.Source?.Snapshot is not { } snapshot || snapshot.PlusDays(maxAge) < today;

    private static async Task<int> DiffAsync(ParseResult parse, CliEnvironment env, CancellationToken cancellationToken)
    {
        var (old, @new) = (parse.GetValue(Old)!, parse.GetValue(New)!);
        IReadOnlyList<RulePack>? inUse = null;
        async Task<IReadOnlyList<RulePack>> SideAsync(string what)
        {
            if (System.IO.Directory.Exists(what))
            {
                var errors = new List<PackError>();
                var packs = RulePackLoader.ReadAll(RulePackFolder.Read(what)!, errors);
                return errors.Count == 0 ? packs : throw Refuse(errors);
            }
            if (inUse is null)
            {
                await using var workspace = await GlobalOptions.OpenWorkspaceAsync(parse, env, cancellationToken);
                inUse = workspace.LoadRulePacks();
            }
            return inUse.Where(p => p.Id == what).ToList() is { Count: > 0 } found ? found
                : throw RefusedException.Invalid(what, $"no such folder, nor a pack in use (known: {string.Join(", ", inUse.Select(p => p.Id).Order(StringComparer.Ordinal))})");
        }
        var diff = Rules.Diff.PackDiff.Compare(await SideAsync(old), await SideAsync(@new));
        if (parse.GetValue(GlobalOptions.Json))
        {
            env.Out.WriteLine(Rules.Diff.RuleChangesJson.ToJson(diff).ToJsonString(JsonOutput.Options));
            return ExitCodes.Success;
        }
        PackDiffText.Write(env.Out, diff);
        return ExitCodes.Success;
    }

    private static JsonArray Describe(RuleSet rules, NodaTime.LocalDate? today = null, int maxAge = DefaultMaxSourceAge) => new(rules.Packs.Select(p => (JsonNode?)new JsonObject
    {
        ["pack"] = p.Source.Id,
        ["jurisdiction"] = p.Source.Jurisdiction,
        ["file"] = p.Source.File,
        ["citation"] = p.Source.Citation,
        ["published"] = EffectivePeriod.Format(p.Source.Published),
        ["effectiveFrom"] = EffectivePeriod.Format(p.Source.Effective.From),
        ["effectiveUntil"] = p.Source.Effective.Until is { } u ? EffectivePeriod.Format(u) : null,
        ["sourceSnapshot"] = p.Source.Source?.Snapshot is { } s ? EffectivePeriod.Format(s) : null,
        ["confidence"] = p.Source.Confidence.ToString().ToLowerInvariant(),
        ["controls"] = p.Controls.Count,
        ["requirements"] = p.Requirements.Count,
        ["sha256"] = p.Source.Sha256,
        ["sourceStale"] = today is { } day ? Stale(p.Source, day, maxAge) : null,
    }).ToArray());
}
