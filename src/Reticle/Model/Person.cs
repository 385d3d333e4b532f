namespace Reticle.Model;

/// <summary>
/// Someone doing the work (a field engineer on a service visit). US-person status is what
/// EAR §744.6 attaches to: the rule follows the person, not the item.
/// </summary>
public sealed record Person(string Name, bool? UsPerson, CountryCode? Nationality)
{
    /// <summary>Whom the person works for or acts on behalf of; <c>null</c> when not given.</summary>
    public Employer? Employer { get; init; }
}
