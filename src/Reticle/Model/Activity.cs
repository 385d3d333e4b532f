namespace Reticle.Model;

/// <summary>What is being done: the act a rule attaches to (CONTRACT §2).</summary>
public enum Activity
{
    Export,
    Reexport,
    Transfer,
    Service,
    SpareParts,
    Software,
    Technology,
}

public static class ActivityNames
{
    private static readonly (Activity Activity, string Name)[] Names =
    [
        (Activity.Export, "export"), (Activity.Reexport, "reexport"), (Activity.Transfer, "transfer"),
        (Activity.Service, "service"), (Activity.SpareParts, "spare-parts"), (Activity.Software, "software"),
        (Activity.Technology, "technology"),
    ];

    public static IEnumerable<string> All => Names.Select(n => n.Name);

    public static string ToWire(this Activity activity) => Names.First(n => n.Activity == activity).Name;

    public static bool TryParse(string? text, out Activity activity)
    {
        foreach (var (a, name) in Names)
        {
            if (name == text)
            {
                activity = a;
                return true;
            }
        }
        activity = default;
        return false;
    }
}
