using Reticle.Cli.Hosting;
using Spectre.Console;
using Spectre.Console.Rendering;
using Reticle.Service;
using Reticle.Service.Wire;

namespace Reticle.Cli.Output;

/// <summary>
/// Spectre.Console renderables (tables, progress) written to the command's own writers rather than the
/// process console, so tests capture them; colour and live progress only where a person is watching a terminal.
/// </summary>
internal static class ConsoleOutput
{
    public static void Write(CliEnvironment env, IRenderable renderable) => Out(env).Write(renderable);

    /// <summary>The console <see cref="Write"/> draws on: on a terminal, sized to it; otherwise 240 columns wide, without colour.</summary>
    public static IAnsiConsole Out(CliEnvironment env) => For(env.Out, ReferenceEquals(env.Out, Console.Out) && !Console.IsOutputRedirected);

    /// <summary>A console on standard error for progress bars, or null when nobody watches one (redirected, or in tests).</summary>
    public static IAnsiConsole? Progress(CliEnvironment env) =>
        ReferenceEquals(env.Error, Console.Error) && !Console.IsErrorRedirected ? For(Console.Error, interactive: true) : null;

    private static IAnsiConsole For(TextWriter writer, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive)
        {
            // Written to a file or a pipe: no terminal width to fit, so do not wrap rows at 80 columns.
            console.Profile.Width = 240;
        }
        return console;
    }
}
