namespace Reticle.Rules.Syntax;

/// <summary>A condition that cannot be parsed: where (character offset) and why.</summary>
public sealed record SyntaxError(int Offset, string Message);
