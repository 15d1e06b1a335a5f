using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mapper.Console.Store.Configurations;

public sealed class SliMinuteConfiguration : IEntityTypeConfiguration<SliMinute>
{
    public void Configure(EntityTypeBuilder<SliMinute> builder)
    {
        builder.ToTable("sli_minutes");
        builder.HasKey(m => m.MinuteStart);
    }
}
