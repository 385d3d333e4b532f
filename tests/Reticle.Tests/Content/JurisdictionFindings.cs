using Reticle.Determination;

namespace Reticle.Tests.Content;

/// <summary>The finding a rule produced in one jurisdiction's answer (every content test asks for one by its rule id).</summary>
internal static class JurisdictionFindings
{
    public static Finding Finding(this JurisdictionDetermination jurisdiction, string rule) => jurisdiction.Findings.Single(f => f.Rule == rule);
}
