namespace Reticle.Model;

/// <summary>
/// An answer to a knowledge question (does the end user run an advanced-node facility?).
/// <see cref="Unknown"/> is an answer of its own, never read as <see cref="No"/>: the unknown-node
/// rules (EAR §744.23(a)(2)(ii)) attach precisely to it.
/// </summary>
public enum Knowledge
{
    No,
    Yes,
    Unknown,
}

public static class KnowledgeNames
{
    public static string ToWire(this Knowledge k) => k switch
    {
        Knowledge.Yes => "yes",
        Knowledge.No => "no",
        _ => "unknown",
    };

    public static bool TryParse(string? text, out Knowledge knowledge)
    {
        (var ok, knowledge) = text switch
        {
            "yes" => (true, Knowledge.Yes),
            "no" => (true, Knowledge.No),
            "unknown" => (true, Knowledge.Unknown),
            _ => (false, Knowledge.Unknown),
        };
        return ok;
    }
}
