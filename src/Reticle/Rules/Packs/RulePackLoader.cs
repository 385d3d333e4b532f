namespace Reticle.Rules.Packs;

/// <summary>A rule-pack file's name and text, however it was obtained (a folder, the store, a test).</summary>
public sealed record RulePackSource(string File, string Text);

/// <summary>Reads many pack files, collecting every error rather than stopping at the first.</summary>
public static class RulePackLoader
{
    public static IReadOnlyList<RulePack> ReadAll(IEnumerable<RulePackSource> sources, List<PackError> errors)
    {
        var packs = new List<RulePack>();
        foreach (var source in sources)
        {
            if (RulePackReader.Read(source.File, source.Text, errors) is { } pack)
            {
                packs.Add(pack);
            }
        }
        return packs;
    }
}
