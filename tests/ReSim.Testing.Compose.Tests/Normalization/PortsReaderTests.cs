using ReSim.Testing.Compose.Diagnostics;
using ReSim.Testing.Compose.Loading.Documents;
using ReSim.Testing.Compose.Loading.Nodes;
using ReSim.Testing.Compose.Loading.Normalization;
using ReSim.Testing.Compose.Loading.Parsing;

namespace ReSim.Testing.Compose.Tests.Normalization;

/// <summary>Container ports of <c>ports</c> and <c>expose</c>, read only to find clashes (R12).</summary>
public class PortsReaderTests
{
    private static (string[] Ports, DiagnosticBag Diagnostics) Read(string list)
    {
        var diagnostics = new DiagnosticBag();
        var node = YamlTreeReader.Read(list, new SourceDocument("compose.yml", "/project"), LoadLimits.Default, diagnostics)![0];
        var ports = PortsReader.Read(node, "ports", new ServiceContext("robot", diagnostics, new SourceMap()));
        return ([.. ports.Select(p => p.ToString())], diagnostics);
    }

    [Theory]
    [InlineData("[\"80\"]", "80/tcp")]
    [InlineData("[8080]", "8080/tcp")]
    [InlineData("[\"8080:80\"]", "80/tcp")]
    [InlineData("[\"127.0.0.1:8080:80/udp\"]", "80/udp")]
    [InlineData("[{target: 80, published: 8080, protocol: udp}]", "80/udp")]
    [InlineData("[\"9000-9002:8000-8002\"]", "8000-8002/tcp")]
    [InlineData("[\"1-65535\", 22]", "1-65535/tcp 22/tcp")]
    public void The_container_port_is_read_from_every_form(string list, string expected)
    {
        var (ports, diagnostics) = Read(list);

        Assert.Equal(0, diagnostics.Count);
        Assert.Equal(expected, string.Join(" ", ports));
    }

    [Theory]
    [InlineData("[\"http\"]")]
    [InlineData("[\"70000\"]")]
    [InlineData("[\"1-100000\"]")]
    [InlineData("[\"90-80\"]")]
    [InlineData("[{published: 80}]")]
    [InlineData("\"80\"")]
    public void A_malformed_port_is_an_error(string list)
    {
        var (ports, diagnostics) = Read(list);

        Assert.Empty(ports);
        Assert.True(diagnostics.HasErrors);
    }
}
