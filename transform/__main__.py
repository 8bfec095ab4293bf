from transform.cli import main

main()
