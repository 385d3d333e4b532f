using System.CommandLine;
using NodaTime;
using NodaTime.Text;

namespace Reticle.Cli.Commands;

/// <summary>An option holding an ISO date; an impossible date (2023-02-30) is a usage error naming the option.</summary>
internal static class DateOption
{
    public static Option<LocalDate?> Create(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "YYYY-MM-DD",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            var parsed = LocalDatePattern.Iso.Parse(text);
            if (parsed.Success)
            {
                return parsed.Value;
            }
            result.AddError($"{name}: '{text}' is not a valid date (YYYY-MM-DD)");
            return null;
        },
    };
}
