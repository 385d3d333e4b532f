using System.Text.Json.Nodes;
using Reticle.Audit;

namespace Reticle.Service.Wire;

/// <summary>The answer of <c>reticle audit verify --json</c> and <c>GET /api/v1/audit/verify</c>, shaped once.</summary>
internal static class AuditVerificationJson
{
    public static JsonObject Of(AuditVerification result, (long Sequence, string Hash)? head, int anchors) => new()
    {
        ["intact"] = result.IsIntact,
        ["recordsVerified"] = result.RecordsVerified,
        ["determinationsVerified"] = result.DeterminationsVerified,
        ["sealedRowsVerified"] = result.SealedRowsVerified,
        ["anchorsVerified"] = result.IsIntact ? anchors : 0,
        ["firstBadRecord"] = result.FirstBadSequence,
        ["problem"] = result.Problem,
        ["head"] = head?.Hash,
    };
}
