namespace Reticle.Rules.Packs;

/// <summary>What a requirement rule imposes when it applies.</summary>
public enum Effect
{
    LicenseRequired,
    Review,
    Prohibited,
}
