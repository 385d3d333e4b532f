using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

// reticle-loadtest URL KEY BODY_FILE... [--connections N] [--seconds S] [--warmup S]
// POSTs the bodies (JSON files, taken in turn; a .jsonl file gives one body per line) to URL with N concurrent
// connections for S seconds after S seconds of warm-up, and prints requests/s and p50/p99.
// The warm-up matters: the server reaches steady state only after tiered compilation, about 15 s under load.
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: Reticle.LoadTest URL KEY BODY_FILE... [--connections N] [--seconds S] [--warmup S]");
    return 2;
}
var url = new Uri(args[0]);
var key = args[1];
var bodies = args.Skip(2).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal))
    .SelectMany(file => file.EndsWith(".jsonl", StringComparison.Ordinal)
        ? File.ReadLines(file).Where(line => line.Trim().Length > 0)
        : [File.ReadAllText(file)])
    .Select(Encoding.UTF8.GetBytes)
    .ToArray();
var next = -1;
int Option(string name, int fallback) =>
    Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
var connections = Option("--connections", 16);
var seconds = Option("--seconds", 10);
var warmup = Option("--warmup", 15);

using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };

async Task<(List<double> Latencies, int Errors)> RunAsync(TimeSpan duration)
{
    var stop = Stopwatch.StartNew();
    var workers = Enumerable.Range(0, connections).Select(async _ =>
    {
        var latencies = new List<double>();
        var errors = 0;
        while (stop.Elapsed < duration)
        {
            using var content = new ByteArrayContent(bodies[(int)((uint)Interlocked.Increment(ref next) % (uint)bodies.Length)]);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            var started = Stopwatch.GetTimestamp();
            using var response = await client.SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                errors++;
            }
        }
        return (latencies, errors);
    }).ToList();
    var results = await Task.WhenAll(workers);
    return (results.SelectMany(r => r.latencies).ToList(), results.Sum(r => r.errors));
}

await RunAsync(TimeSpan.FromSeconds(warmup));
var measured = Stopwatch.StartNew();
var (all, failed) = await RunAsync(TimeSpan.FromSeconds(seconds));
var elapsed = measured.Elapsed.TotalSeconds;
all.Sort();
double Percentile(double p) => all.Count == 0 ? double.NaN : all[Math.Min(all.Count - 1, (int)Math.Ceiling(p * all.Count) - 1)];
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{url.AbsolutePath}: {bodies.Length} bodies in turn, {all.Count} requests in {elapsed:0.0} s with {connections} connections: {all.Count / elapsed:0} req/s; p50 {Percentile(0.50):0.0} ms, p99 {Percentile(0.99):0.0} ms, max {all[^1]:0.0} ms; {failed} non-2xx"));
return failed == 0 ? 0 : 1;
