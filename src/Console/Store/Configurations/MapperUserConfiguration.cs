using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mapper.Console.Store.Configurations;

/// <summary>Identity maps the account itself; this adds the console's own columns.</summary>
public sealed class MapperUserConfiguration : IEntityTypeConfiguration<MapperUser>
{
    public void Configure(EntityTypeBuilder<MapperUser> builder)
    {
        builder.Property(u => u.Disabled).HasDefaultValue(false);
    }
}
