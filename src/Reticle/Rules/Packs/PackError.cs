namespace Reticle.Rules.Packs;

/// <summary>A reason a rule pack was rejected, with where it is: file, line, column and the rule it concerns.</summary>
public sealed record PackError(string File, int Line, int Column, string? RuleId, string Message)
{
    public override string ToString() =>
        $"{File}:{Line}:{Column}: {(RuleId is null ? "" : $"[{RuleId}] ")}{Message}";
}
