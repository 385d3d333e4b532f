namespace Reticle.Rules.Packs;

/// <summary>
/// A licence exception or general authorisation that may overcome a requirement. Reticle lists it
/// with what the exporter must confirm and never concludes on its own that it applies
/// (EAR §740.2 gates and the authorisations' own conditions need facts only the exporter has).
/// </summary>
public sealed record ExceptionCandidate(string Id, ExceptionKind Kind, string? Title, string Citation, SourceText? Condition,
    IReadOnlyList<string> Confirm, SourceSpan Span);

public enum ExceptionKind
{
    LicenseException,
    GeneralAuthorisation,
}
