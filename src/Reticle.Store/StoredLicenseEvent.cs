using NodaTime;
using Reticle.Licensing;

namespace Reticle.Store;

/// <summary>A licence event as stored: its place in the recorded order and the audit record that seals it.</summary>
public sealed record StoredLicenseEvent(long Id, LicenseEvent Event, long AuditSequence, Instant RecordedAt);
