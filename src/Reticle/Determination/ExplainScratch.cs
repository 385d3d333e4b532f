namespace Reticle.Determination;

/// <summary>
/// The lists one jurisdiction's explanation is collected in before it is copied into the determination's exact
/// arrays, kept per thread for the next one: a determination explains four jurisdictions and would otherwise grow
/// (and throw away) a dozen lists. Nothing returned refers to them.
/// </summary>
internal sealed class ExplainScratch
{
    [ThreadStatic]
    private static ExplainScratch? t_spare;

    public List<string> Notes { get; } = [];
    public List<string> Versions { get; } = [];
    public List<string> Classifications { get; } = [];
    public List<Finding> Findings { get; } = [];

    /// <summary>Empty lists: this thread's spare ones, or new ones if they are in use (or were never made).</summary>
    public static ExplainScratch Take()
    {
        var scratch = t_spare ?? new ExplainScratch();
        t_spare = null;
        return scratch;
    }

    /// <summary>Empties the lists and keeps them for the next explanation on this thread.</summary>
    public static void Give(ExplainScratch scratch)
    {
        scratch.Notes.Clear();
        scratch.Versions.Clear();
        scratch.Classifications.Clear();
        scratch.Findings.Clear();
        t_spare = scratch;
    }
}
