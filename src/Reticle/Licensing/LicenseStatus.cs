namespace Reticle.Licensing;

/// <summary>Where a licence stands on a date, as known at a date.</summary>
public enum LicenseStatus
{
    Valid,

    /// <summary>Some lines or parties are revoked; the rest still covers.</summary>
    PartiallyRevoked,

    /// <summary>Before its first valid day.</summary>
    NotYetValid,

    /// <summary>After its last valid day: derived from the validity, there is no "expired" event.</summary>
    Expired,

    /// <summary>Revoked as a whole, or every line of it.</summary>
    Revoked,
}

public static class LicenseStatusNames
{
    public static string ToWire(this LicenseStatus status) => status switch
    {
        LicenseStatus.Valid => "valid",
        LicenseStatus.PartiallyRevoked => "partially-revoked",
        LicenseStatus.NotYetValid => "not-yet-valid",
        LicenseStatus.Expired => "expired",
        _ => "revoked",
    };
}
