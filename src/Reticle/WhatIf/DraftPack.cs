using Reticle.Rules.Packs;

namespace Reticle.WhatIf;

/// <summary>A draft rule pack as a what-if report names it: its id, jurisdiction, file and the SHA-256 of its bytes.</summary>
/// <param name="Version">The pack version its findings carry (<c>de.duv-draft@2026-01-01</c>), by which a reason is tied to the draft.</param>
public sealed record DraftPack(string Id, string Jurisdiction, string File, string Sha256, string Version, IReadOnlyList<string> Supersedes)
{
    public static DraftPack Of(RulePack pack) => new(pack.Id, pack.Jurisdiction, pack.File, pack.Sha256, pack.Version, pack.Supersedes);
}
