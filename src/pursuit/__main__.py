from pursuit.cli import main

raise SystemExit(main())
