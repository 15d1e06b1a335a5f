namespace Mapper.Console.Api;

/// <summary>The open objects and arrays, reused level by level; keys are kept to find duplicates.</summary>
internal sealed class JsonScopes
{
    private readonly List<JsonScope> _scopes = [];

    public int Depth { get; private set; }

    public void Push(bool isArray)
    {
        if (Depth == _scopes.Count)
        {
            _scopes.Add(new JsonScope());
        }

        _scopes[Depth++].Reset(isArray);
    }

    public void Pop() => Depth--;

    /// <summary>A value starts: in an array, it takes the next index.</summary>
    public void OnValue()
    {
        if (Depth > 0 && _scopes[Depth - 1].IsArray)
        {
            _scopes[Depth - 1].Index++;
        }
    }

    /// <summary>Records a key of the current object; false when the object already has it.</summary>
    public bool AddKey(string name) => _scopes[Depth - 1].AddKey(name);

    /// <summary>The path of the current value (the last key or index of every open scope).</summary>
    public FieldPath Path() => PathOf(Depth);

    /// <summary>The path of the current object itself.</summary>
    public FieldPath ContainerPath() => PathOf(Depth - 1);

    private FieldPath PathOf(int levels)
    {
        var path = FieldPath.Body;
        for (var i = 0; i < levels; i++)
        {
            var scope = _scopes[i];
            path = scope.IsArray ? path.Index(scope.Index) : path.Key(scope.Key ?? "");
        }

        return path;
    }
}

/// <summary>One open object or array: the index of its current value, or its current key and the keys it has had.</summary>
internal sealed class JsonScope
{
    private HashSet<string>? _keys;

    public bool IsArray { get; private set; }

    public int Index { get; set; }

    public string? Key { get; private set; }

    public void Reset(bool isArray)
    {
        IsArray = isArray;
        Index = -1;
        Key = null;
        _keys?.Clear();
    }

    public bool AddKey(string name)
    {
        if (Key is not null)
        {
            // Most objects have a handful of keys: the set is made at the second one and reused after.
            _keys ??= new HashSet<string>(StringComparer.Ordinal);
            if (_keys.Count == 0)
            {
                _keys.Add(Key);
            }

            if (!_keys.Add(name))
            {
                Key = name;
                return false;
            }
        }

        Key = name;
        return true;
    }
}
