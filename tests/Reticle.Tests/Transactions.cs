using System.Collections.Immutable;
using NodaTime;
using Reticle.Model;

namespace Reticle.Tests;

/// <summary>Builds transactions for tests: a DUV immersion scanner exported from the Netherlands unless said otherwise.</summary>
internal static class Transactions
{
    public static LocalDate Date(string iso) => NodaTime.Text.LocalDatePattern.Iso.Parse(iso).Value;

    public static Transaction Litho(string date, string to = "CN", decimal? wavelength = 193m, decimal? na = 1.35m, decimal? dco = 1.1m,
        string from = "NL", decimal? mrf = null, string? kind = "lithography", Activity activity = Activity.Export)
    {
        var parameters = ImmutableDictionary.CreateBuilder<string, ParameterValue>();
        if (kind is not null)
        {
            parameters["kind"] = ParameterValue.Of(kind);
        }
        if (wavelength is { } w)
        {
            parameters["wavelengthNm"] = ParameterValue.Of(w);
        }
        if (na is { } n)
        {
            parameters["numericalAperture"] = ParameterValue.Of(n);
        }
        if (dco is { } d)
        {
            parameters["dedicatedChuckOverlayNm"] = ParameterValue.Of(d);
        }
        if (mrf is { } m)
        {
            parameters["minimumResolvableFeatureNm"] = ParameterValue.Of(m);
        }
        return new Transaction
        {
            Id = $"T-{date}-{to}",
            Date = Date(date),
            Activity = activity,
            From = CountryCode.Parse(from),
            To = CountryCode.Parse(to),
            // A Dutch-made tool with no US content unless a test says otherwise.
            Item = new Item { Parameters = parameters.ToImmutable(), UsControlledContentPercent = 0m },
        };
    }
}
