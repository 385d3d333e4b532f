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

    public static Command Create(CliEnvironment env)
    {
        var validate = new Command("validate", "Validate rule packs: errors name file, line, column and rule") { Directory };
        validate.SetAction((parse, _) => Task.FromResult(Validate(parse, env)));
        var packs = new Command("packs", "The rule packs in use (with --json, a JSON array); 'packs validate DIR' checks a folder of packs")
        {
            validate,
        };
        packs.SetAction((parse, cancellationToken) => ListAsync(parse, env, cancellationToken));
        return packs;
    }

    private static int Validate(ParseResult parse, CliEnvironment env)
    {
        var directory = parse.GetValue(Directory)!;
        var files = RulePackFolder.Read(directory) ?? throw RefusedException.Invalid(directory, "no such folder");
        var errors = new List<PackError>();
        var packs = RulePackLoader.ReadAll(files, errors);
        var rules = errors.Count == 0 ? RuleSetCompiler.Compile(packs, errors) : null;
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
        if (parse.GetValue(GlobalOptions.Json))
        {
            env.Out.WriteLine(Describe(rules).ToJsonString(JsonOutput.Options));
            return ExitCodes.Success;
        }
        foreach (var pack in rules.Packs.OrderBy(p => p.Source.Jurisdiction, StringComparer.Ordinal).ThenBy(p => p.Source.Effective.From))
        {
            env.Out.WriteLine($"{pack.Source.Jurisdiction}  {pack.Source.Id,-20} in force {pack.Source.Effective,-26} published {EffectivePeriod.Format(pack.Source.Published)}  {pack.Source.Citation}");
        }
        return ExitCodes.Success;
    }

    private static JsonArray Describe(RuleSet rules) => new(rules.Packs.Select(p => (JsonNode?)new JsonObject
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
    }).ToArray());
}
