using ReSim.Testing.Compose.Loading.Normalization;
using ReSim.Testing.Compose.Model;

namespace ReSim.Testing.Compose.Tests.Normalization;

/// <summary>Restart values (R17).</summary>
public class RestartParserTests
{
    [Theory]
    [InlineData("no", RestartKind.No, null)]
    [InlineData("always", RestartKind.Always, null)]
    [InlineData("unless-stopped", RestartKind.UnlessStopped, null)]
    [InlineData("on-failure", RestartKind.OnFailure, null)]
    [InlineData("on-failure:3", RestartKind.OnFailure, 3)]
    public void A_restart_value_parses_R17(string text, RestartKind kind, int? max) =>
        Assert.Equal(new RestartPolicy(kind, max), RestartParser.Parse(text));

    [Theory]
    [InlineData("sometimes")]
    [InlineData("on-failure:")]
    [InlineData("on-failure:-1")]
    [InlineData("on-failure:x")]
    [InlineData("Always")]
    public void An_unknown_restart_value_is_rejected(string text) =>
        Assert.Null(RestartParser.Parse(text));
}
