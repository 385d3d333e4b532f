using System.Collections.Frozen;

namespace Reticle.Model;

/// <summary>An amount in an ISO 4217 currency. Amounts in different currencies are never added.</summary>
public sealed record Money(decimal Amount, string Currency)
{
    public static bool IsKnownCurrency(string? code) => code is { Length: 3 } && Currencies.Contains(code);

    // ISO 4217 active codes (list one, 2025), without funds and precious-metal codes.
    private static readonly FrozenSet<string> Currencies = (
        "AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP CNY " +
        "COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS " +
        "INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP " +
        "MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR " +
        "SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VED VES VND " +
        "VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW ZWG")
        .Split(' ', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);
}
