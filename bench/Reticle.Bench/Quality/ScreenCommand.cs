using System.Globalization;
using Reticle.Screening;
using Reticle.Screening.Matching;

namespace Reticle.Bench.Quality;

/// <summary>
/// `dotnet run -c Release --project bench/Reticle.Bench -- screen NAME... [--country CC] [--type entity|individual]
/// [--mode ofac] [--threshold T]`: names screened against the CSL snapshot, hits and explanations printed. For trying
/// the matcher by hand until the command-line tool screens with it.
/// </summary>
internal static class ScreenCommand
{
    public static int Run(string[] args)
    {
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        string? country = null;
        var type = PartyType.Unknown;
        var mode = ScoringMode.Reticle;
        double? threshold = null;
        var names = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--country": country = args[++i]; break;
                case "--type": type = Enum.Parse<PartyType>(args[++i], ignoreCase: true); break;
                case "--mode": mode = args[++i] == "ofac" ? ScoringMode.Ofac : ScoringMode.Reticle; break;
                case "--threshold": threshold = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                default: names.Add(args[i]); break;
            }
        }
        var index = ScreeningIndex.Build(ReferenceData.CslEntries());
        foreach (var name in names)
        {
            var hits = index.Screen(new ScreeningQuery(name, country, type, threshold) { Mode = mode });
            Console.WriteLine($"{name}: {hits.Length} hit(s)");
            foreach (var hit in hits)
            {
                Console.WriteLine($"  {hit.Score:0.000} {hit.Entry.List} '{hit.Entry.Name}' via '{hit.MatchedName}'");
                foreach (var line in hit.Explanation)
                {
                    Console.WriteLine("      " + line);
                }
            }
        }
        return 0;
    }
}
