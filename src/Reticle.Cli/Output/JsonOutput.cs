using System.Text.Encodings.Web;
using System.Text.Json;

namespace Reticle.Cli.Output;

internal static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
