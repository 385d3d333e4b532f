namespace Reticle.Licensing;

/// <summary>The licence was granted with these terms: effective and announced on its <see cref="License.Issued"/> date.</summary>
public sealed record LicenseIssued(License License) : LicenseEvent(License.Id, License.Issued, License.Issued);
