using System.Globalization;

namespace Reticle.Tests.Input;

/// <summary>
/// Random and hostile JSON for fuzzing whatever reads a transaction (the reader here; the API and the command line link
/// this file): a valid transaction mutated (a value replaced, a key renamed or given twice, a character cut or added),
/// or random values with deep nesting, long text, lone surrogates, NUL, extreme numbers and impossible dates.
/// </summary>
internal static class HostileJson
{
    public const string Valid = """
        { "id": "SO-1", "date": "2023-09-15", "activity": "export", "from": "NL", "to": "CN",
          "item": { "sku": "NXT:2050i", "origin": "NL", "parameters": { "kind": "lithography", "wavelengthNm": 193, "numericalAperture": 1.35 },
                    "classifications": { "US": "3B001.f.1.b" }, "usControlledContentPercent": 8.5, "usTechnologyInputs": ["3E001"],
                    "containsUsOriginIc": false },
          "quantity": 1, "value": { "amount": 65000000, "currency": "EUR" },
          "parties": [ { "role": "end-user", "name": "SMIC Beijing", "country": "CN", "headquarters": "CN" } ],
          "endUse": { "advancedNodeFacility": "unknown", "militaryEndUse": "no" },
          "personnel": [ { "name": "A. Engineer", "usPerson": true, "employer": { "name": "X", "headquarters": "US" } } ],
          "extensions": { "crm": 1 } }
        """;

    private static readonly string[] Keys =
        ["id", "date", "activity", "from", "to", "item", "quantity", "value", "parties", "endUse", "personnel", "extensions",
         "sku", "origin", "orgin", "parameters", "wavelengthNm", "numericalAperture", "kind", "role", "name", "country", "contry",
         "amount", "currency", "advancedNodeFacility", "advancedNodeFacilty", "usPerson", "employer", "headquarters", "Parties", ""];

    private static readonly string[] Texts =
        ["SO-1", "2023-09-15", "9999-12-31", "0000-01-01", "-0001-01-01", "2023-02-30", "export", "NL", "CN", "XX", "EUR", "yes",
         "unknown", "end-user", "", " ", "\\ud800", "\\udfff", "a\\u0000b", "\\ud83d\\ude00", "Škoda", "\\\"", "\\\\", "\\n"];

    private static readonly string[] Numbers =
        ["0", "-0", "1", "-1", "1.35", "193", "1e309", "-1e309", "1e-400", "79228162514264337593543950336", "0.0000000000000000000000000001",
         "100", "101", "2147483648", "12345678901234567890123456789012345678901234567890"];

    public static string RandomValue(Random random, int depth)
    {
        switch (random.Next(depth > 4 ? 4 : 7))
        {
            case 0: return $"\"{Texts[random.Next(Texts.Length)]}\"";
            case 1: return Numbers[random.Next(Numbers.Length)];
            case 2: return random.Next(3) switch { 0 => "true", 1 => "false", _ => "null" };
            case 3: return $"\"{new string('x', random.Next(0, 3) == 0 ? 5000 : 3)}\"";
            case 4:
            case 5:
                var fields = Enumerable.Range(0, random.Next(0, 5)).Select(_ => $"\"{Keys[random.Next(Keys.Length)]}\": {RandomValue(random, depth + 1)}");
                return "{" + string.Join(", ", fields) + "}";
            default:
                return "[" + string.Join(", ", Enumerable.Range(0, random.Next(0, 4)).Select(_ => RandomValue(random, depth + 1))) + "]";
        }
    }

    // A valid transaction with one thing changed: a value replaced, a key renamed or given twice, a character cut or added.
    public static string Mutate(Random random, string text)
    {
        var key = Keys[random.Next(Keys.Length - 1)];
        var at = text.IndexOf($"\"{key}\":", StringComparison.Ordinal);
        switch (random.Next(5))
        {
            case 0 when at >= 0:
                var valueStart = at + key.Length + 3;
                var valueEnd = ValueEnd(text, valueStart);
                return text[..valueStart] + " " + RandomValue(random, 2) + text[valueEnd..];
            case 1 when at >= 0:
                return text[..(at + 1)] + Keys[random.Next(Keys.Length)] + text[(at + 1 + key.Length)..];
            case 2 when at >= 0:
                return text[..at] + $"\"{key}\": {RandomValue(random, 3)}, " + text[at..];
            case 3:
                var cut = random.Next(text.Length);
                return text.Remove(cut, 1);
            default:
                var insert = random.Next(text.Length);
                return text.Insert(insert, ((char)random.Next(0x20, 0x7F)).ToString(CultureInfo.InvariantCulture));
        }
    }

    // Where the JSON value starting at (or after spaces from) start ends: a balanced scan that respects strings.
    private static int ValueEnd(string text, int start)
    {
        var depth = 0;
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                    if (depth == 0)
                    {
                        return i + 1;
                    }
                }
                continue;
            }
            switch (c)
            {
                case '"': inString = true; break;
                case '{' or '[': depth++; break;
                case '}' or ']':
                    if (depth == 0)
                    {
                        return i;
                    }
                    depth--;
                    if (depth == 0)
                    {
                        return i + 1;
                    }
                    break;
                case ',' when depth == 0: return i;
            }
        }
        return text.Length;
    }
}
