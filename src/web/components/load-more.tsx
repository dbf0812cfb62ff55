import { Button, Center, Text } from "@mantine/core";

type Props = {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  onLoadMore: () => void;
  shown: number;
  noun: string;
};

/** Cursor pagination: the API hands out pages; people ask for the next one. */
export function LoadMore({ hasNextPage, isFetchingNextPage, onLoadMore, shown, noun }: Props) {
  return (
    <Center py="sm">
      {hasNextPage ? (
        <Button variant="default" size="xs" loading={isFetchingNextPage} onClick={onLoadMore}>
          Load more
        </Button>
      ) : (
        shown > 0 && (
          <Text size="xs" c="dimmed">
            All {shown} {noun} shown
          </Text>
        )
      )}
    </Center>
  );
}
