using System.Globalization;

namespace ReSim.Testing.TestKit;

/// <summary>
/// Shell the real-engine tests' compose files repeat, for the busybox <c>sh</c> of <see cref="TestEngine.Image"/>. Each
/// piece is compose text: a <c>$</c> the shell should see is doubled (<c>$$</c>), as compose interpolation needs, and it
/// holds no quote, so it fits a block scalar and a double-quoted <c>sh -c</c> argument alike. Put it in an
/// interpolated raw string: <c>$$"""…{{ComposeSnippets.WaitForFile("/tmp/resim/outputs/ready")}}…"""</c>.
/// </summary>
public static class ComposeSnippets
{
    /// <summary>
    /// A loop that looks for the file <paramref name="path"/> every 0.1 s, at most <paramref name="polls"/> times (100:
    /// about 10 s), and runs <paramref name="then"/> as soon as it is there. With <c>break</c> the script goes on after
    /// the loop whether the file came or not (so the next line usually checks it); with <c>exit 0</c> the service
    /// succeeds once it comes, and what follows the loop (such as <c>exit 1</c>) runs only if it never did.
    /// </summary>
    /// <param name="path">The file, in the container. One whose content is read after the loop is best written under another name and moved into place, so it is never seen half written.</param>
    /// <param name="then">The shell command run when the file is there.</param>
    /// <param name="polls">How many times to look.</param>
    /// <returns>One line of compose text, without a trailing separator.</returns>
    public static string WaitForFile(string path, string then = "break", int polls = 100) =>
        string.Create(CultureInfo.InvariantCulture, $"for i in $$(seq {polls}); do [ -f {path} ] && {then}; sleep 0.1; done");
}
