namespace Reticle.Licensing;

/// <summary>A quantity and a value (in the line's currency) used, reserved or released; zero value where the use gave none.</summary>
public readonly record struct LicenseUsage(decimal Quantity, decimal Value)
{
    public static LicenseUsage Zero => default;

    public static LicenseUsage operator +(LicenseUsage a, LicenseUsage b) => new(a.Quantity + b.Quantity, a.Value + b.Value);

    public static LicenseUsage operator -(LicenseUsage a, LicenseUsage b) => new(a.Quantity - b.Quantity, a.Value - b.Value);

    internal static LicenseUsage Of(LicenseUse use) => new(use.Quantity, use.Value?.Amount ?? 0m);
}
