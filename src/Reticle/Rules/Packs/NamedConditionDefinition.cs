namespace Reticle.Rules.Packs;

/// <summary>
/// A condition with a name, defined once and used by many rules ("subject to the EAR"). Findings show
/// its label and what decided it.
/// </summary>
public sealed record NamedConditionDefinition(string Id, string Label, SourceText Condition, string? Citation, SourceSpan Span);
