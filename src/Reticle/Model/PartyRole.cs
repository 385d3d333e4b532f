namespace Reticle.Model;

/// <summary>The part a party plays in a transaction (the parties of a BIS licence application).</summary>
public enum PartyRole
{
    EndUser,
    Consignee,
    UltimateConsignee,
    IntermediateConsignee,
    Purchaser,
    Exporter,
    ServiceProvider,
}

public static class PartyRoleNames
{
    private static readonly (PartyRole Role, string Name)[] Names =
    [
        (PartyRole.EndUser, "end-user"), (PartyRole.Consignee, "consignee"),
        (PartyRole.UltimateConsignee, "ultimate-consignee"), (PartyRole.IntermediateConsignee, "intermediate-consignee"),
        (PartyRole.Purchaser, "purchaser"), (PartyRole.Exporter, "exporter"), (PartyRole.ServiceProvider, "service-provider"),
    ];

    public static IEnumerable<string> All => Names.Select(n => n.Name);

    public static string ToWire(this PartyRole role) => Names.First(n => n.Role == role).Name;

    public static bool TryParse(string? text, out PartyRole role)
    {
        foreach (var (r, name) in Names)
        {
            if (name == text)
            {
                role = r;
                return true;
            }
        }
        role = default;
        return false;
    }
}
