using System.Collections.Immutable;
using System.Globalization;
using ReSim.Testing.Compose.Loading.Nodes;

namespace ReSim.Testing.Compose.Loading.Normalization;

/// <summary>Reads the container ports of <c>ports</c> (<c>[ip:][host:]container[/proto]</c> or long form) and <c>expose</c>.</summary>
/// <remarks>Ports are never published (R12); they are read only to warn when two services would listen on the same one.</remarks>
internal static class PortsReader
{
    public static ImmutableArray<PortDeclaration> Read(ComposeNode node, string key, ServiceContext context)
    {
        if (node is not SequenceNode sequence)
        {
            context.WrongType(node, key, "a list", $"Write `{key}: [\"8080\"]`.");
            return [];
        }

        var result = ImmutableArray.CreateBuilder<PortDeclaration>();
        for (var i = 0; i < sequence.Items.Length; i++)
        {
            var itemKey = string.Create(CultureInfo.InvariantCulture, $"{key}[{i}]");
            var item = sequence.Items[i];
            var (text, protocol) = item switch
            {
                ScalarNode { IsNull: false } scalar => SplitProtocol(scalar.Value),
                MappingNode mapping when mapping.Get("target") is ScalarNode target =>
                    (target.Value, (mapping.Get("protocol") as ScalarNode)?.Value ?? "tcp"),
                _ => (null, "tcp"),
            };
            if (text is null || ContainerPorts(text) is not var (from, to))
            {
                context.Invalid(item, itemKey, ServiceContext.Show(item), "a port", "Write a port such as `8080`, `8080:80`, `80/udp` or `{target: 80}`.");
                continue;
            }

            result.Add(new PortDeclaration(from, to, protocol, itemKey, item.Location));
        }

        return result.ToImmutable();
    }

    private static (string Text, string Protocol) SplitProtocol(string value)
    {
        var slash = value.LastIndexOf('/');
        return slash < 0 ? (value, "tcp") : (value[..slash], value[(slash + 1)..]);
    }

    private static (int From, int To)? ContainerPorts(string text)
    {
        var container = text[(text.LastIndexOf(':') + 1)..];
        var dash = container.IndexOf('-', StringComparison.Ordinal);
        var first = dash < 0 ? container : container[..dash];
        var last = dash < 0 ? container : container[(dash + 1)..];
        if (!int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var from)
            || !int.TryParse(last, NumberStyles.None, CultureInfo.InvariantCulture, out var to)
            || from is < 1 or > 65535 || to < from || to > 65535)
        {
            return null;
        }

        return (from, to);
    }
}
