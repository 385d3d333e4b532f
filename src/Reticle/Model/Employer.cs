namespace Reticle.Model;

/// <summary>
/// Whom a person works for or acts on behalf of (CONTRACT §2, <c>personnel[].employer</c>). EAR §744.6(d)(4)
/// excludes a natural US person employed by a company headquartered in the US or A:5/A:6 that is not
/// majority-owned by an entity headquartered in Macau or D:5: both facts are the exporter's to state.
/// </summary>
/// <param name="Name">The employer's name as given.</param>
/// <param name="Headquarters">Where the employer (or its ultimate parent) is headquartered; <c>null</c> when not given.</param>
/// <param name="MajorityOwnerHeadquarters">
/// Where an entity owning the majority of the employer is headquartered; <c>null</c> when not given (unknown,
/// which is not the same as "no majority owner": a rule that needs it asks).
/// </param>
public sealed record Employer(string Name, CountryCode? Headquarters, CountryCode? MajorityOwnerHeadquarters);
