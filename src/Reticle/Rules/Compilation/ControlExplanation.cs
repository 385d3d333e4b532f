namespace Reticle.Rules.Compilation;

/// <summary>Why an item does or does not fall under one control entry, and the facts that were missing to decide it.</summary>
internal sealed record ControlExplanation(string Because, string[] Missing);
