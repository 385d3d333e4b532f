using Reticle.Model;

namespace Reticle.Licensing;

/// <summary>A party the licence names in a role (the end user, the consignee…); a transaction must have a matching party in that role.</summary>
public sealed record LicenseParty(PartyRole Role, string Name);
