using NodaTime;
using Reticle.Model;
using Reticle.Time;

namespace Reticle.Rules.Packs;

/// <summary>
/// One rule-pack file as written: one legal instrument (or one version of it) with its metadata,
/// definitions, control entries and requirement rules. Parsed, not yet checked against other packs
/// or compiled (<see cref="Compilation.RuleSetCompiler"/> does that).
/// </summary>
public sealed record RulePack
{
    public required string File { get; init; }
    public required string Id { get; init; }
    public required string Jurisdiction { get; init; }
    public string? Title { get; init; }
    public string? Authority { get; init; }
    public string? Instrument { get; init; }
    public required string Citation { get; init; }

    /// <summary>When the instrument became known (publication): the second kind of time (CONTRACT §6).</summary>
    public required LocalDate Published { get; init; }

    public required EffectivePeriod Effective { get; init; }
    public SourceReference? Source { get; init; }
    public Confidence Confidence { get; init; } = Confidence.Verified;
    public string? ControlList { get; init; }
    public SourceText? Reach { get; init; }
    public IReadOnlyList<string> Supersedes { get; init; } = [];
    public Grandfathering? Grandfathering { get; init; }
    public IReadOnlyList<ParameterDefinition> Parameters { get; init; } = [];
    public IReadOnlyList<GroupDefinition> Groups { get; init; } = [];
    public IReadOnlyList<FormulaDefinition> Formulas { get; init; } = [];
    public IReadOnlyList<NamedConditionDefinition> Conditions { get; init; } = [];
    public IReadOnlyList<ControlEntryDefinition> Controls { get; init; } = [];
    public IReadOnlyList<RequirementDefinition> Requirements { get; init; } = [];
    public required SourceSpan Span { get; init; }

    /// <summary>SHA-256 of the file's bytes: the version recorded with every decision that used it.</summary>
    public required string Sha256 { get; init; }

    public string Version => $"{Id}@{EffectivePeriod.Format(Effective.From)}";
}

public sealed record SourceReference(string? Url, LocalDate? Snapshot, string? Note);

/// <summary>Licences issued under an earlier version stay valid (e.g. Dutch amending Regeling of 2024, Art. III).</summary>
public sealed record Grandfathering(LocalDate LicensesIssuedBefore, string Citation, string? Text);

public sealed record ParameterDefinition(string Name, string Label, string? Unit, bool IsText, string? Description, SourceSpan Span);

public sealed record GroupMember(CountryCode Country, EffectivePeriod Period, SourceSpan Span);

public sealed record GroupDefinition(string Id, string? Title, string? Citation, IReadOnlyList<GroupMember> Members, SourceSpan Span);

public sealed record FormulaDefinition(
    string Id, string Label, string Unit, IReadOnlyList<string> Arguments, SourceText Expression, string? GivenAs, string? Description, SourceSpan Span);

public sealed record ControlEntryDefinition(
    string Id, string? Title, string? Text, SourceText Condition, string? Citation, Confidence? Confidence, EffectivePeriod? Effective, SourceSpan Span)
{
    /// <summary>The entry also takes in "specially designed components and accessories therefor", classified by their parent item.</summary>
    public bool IncludesComponents { get; init; }
}

public sealed record RequirementDefinition(
    string Id,
    string? Title,
    IReadOnlyList<Activity> Activities,
    IReadOnlyList<(string Reference, SourceSpan Span)> Items,
    SourceText? Condition,
    Effect Effect,
    string Citation,
    Confidence? Confidence,
    EffectivePeriod? Effective,
    string? Note,
    IReadOnlyList<ExceptionCandidate> Exceptions,
    SourceSpan Span);
