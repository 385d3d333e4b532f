using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace Reticle.Audit;

/// <summary>
/// The head of the audit chain as it stood at <see cref="At"/>, kept outside the database (a file, or the log a
/// regulator keeps). The chain alone cannot show that its newest records were deleted and the head moved back: the
/// same write access that deletes them can rewrite the head. An anchor can, because the hash chain makes record
/// <see cref="Sequence"/> with <see cref="Hash"/> a commitment to every record before it: if the chain verified
/// later still holds that record with that hash, nothing up to the anchor was edited, reordered or removed.
/// </summary>
public sealed record AuditAnchor(long Sequence, string Hash, Instant At)
{
    public string ToJsonLine() => JsonSerializer.Serialize(new AnchorLine(Sequence, Hash, InstantPattern.General.Format(At)), AnchorLineContext.Default.AnchorLine);

    /// <summary>Reads one line of an anchor file; a malformed line is a <see cref="FormatException"/> saying what is wrong.</summary>
    public static AuditAnchor Parse(string line)
    {
        AnchorLine? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(line, AnchorLineContext.Default.AnchorLine);
        }
        catch (JsonException e)
        {
            throw new FormatException($"not an anchor ({{\"sequence\", \"hash\", \"at\"}}): {e.Message}", e);
        }
        if (parsed is null || parsed.Sequence < 1 || parsed.Hash is not { Length: 71 } hash || !hash.StartsWith("sha256:", StringComparison.Ordinal)
            || parsed.At is null || !InstantPattern.General.Parse(parsed.At).TryGetValue(default, out var at))
        {
            throw new FormatException("an anchor needs a sequence from 1, a hash \"sha256:<64 hex digits>\" and an instant \"at\" (e.g. 2026-12-05T10:00:00Z)");
        }
        return new AuditAnchor(parsed.Sequence, hash, at);
    }
}

internal sealed record AnchorLine(
    [property: System.Text.Json.Serialization.JsonPropertyName("sequence")] long Sequence,
    [property: System.Text.Json.Serialization.JsonPropertyName("hash")] string? Hash,
    [property: System.Text.Json.Serialization.JsonPropertyName("at")] string? At);

[System.Text.Json.Serialization.JsonSerializable(typeof(AnchorLine))]
[System.Text.Json.Serialization.JsonSourceGenerationOptions(UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow)]
internal sealed partial class AnchorLineContext : System.Text.Json.Serialization.JsonSerializerContext;
