namespace Reticle.Licensing;

/// <summary>
/// An individual licence granted to one holder for stated parties and quantities, or a general
/// authorisation (EU001, a Japanese general bulk licence) that any exporter meeting its terms may use.
/// </summary>
/// <remarks>
/// Both are one model: a general authorisation is a licence whose lines carry no quantity or value
/// limit and which usually names no holder or parties. Coverage rules are the same for both.
/// </remarks>
public enum LicenseKind
{
    Individual,
    GeneralAuthorization,
}

public static class LicenseKindNames
{
    public static string ToWire(this LicenseKind kind) => kind == LicenseKind.GeneralAuthorization ? "general-authorization" : "individual";

    public static bool TryParse(string? text, out LicenseKind kind)
    {
        switch (text)
        {
            case "individual":
                kind = LicenseKind.Individual;
                return true;
            case "general-authorization":
                kind = LicenseKind.GeneralAuthorization;
                return true;
            default:
                kind = default;
                return false;
        }
    }
}
